from django import template

from articles.workflow.desk import desk_for

register = template.Library()


@register.inclusion_tag("admin/articles/_desk.html", takes_context=True)
def editor_desk(context):
    request = context["request"]
    user = request.user
    if not (user.is_authenticated and user.has_perm("articles.view_article")):
        return {"desk": None}
    return {"desk": desk_for(user)}
