"""The admin mixin that speaks of each model with its noun (``phrases``), not Django's
"objet article"."""

from urllib.parse import quote as urlquote

from django.contrib.admin.utils import quote
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from articles.wording.phrases import phrases_for

# Django's own admin messages, as Django's catalogue translates them: recognised here so
# they can be replaced. Under another name than ``_`` so our catalogues never shadow them.
django_says = _


class WordedRelatedFieldWidgetWrapper(RelatedFieldWidgetWrapper):
    """The add/change/delete/view links beside a related field, titled with the noun."""

    template_name = "articles/widgets/related_widget_wrapper.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["phrases"] = phrases_for(self.rel.model._meta)
        return context


class WordedRelatedFieldsMixin:
    """The links beside related fields in the models' own words (admins and inlines)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)
        if type(widget) is RelatedFieldWidgetWrapper and phrases_for(widget.rel.model._meta):
            widget.__class__ = WordedRelatedFieldWidgetWrapper
        return formfield


class WordedAdminMixin(WordedRelatedFieldsMixin):
    """Titles, messages and actions of a ModelAdmin in the model's own words."""

    def _django_titles(self):
        name = self.opts.verbose_name
        return {
            django_says("Add %s") % name,
            django_says("Change %s") % name,
            django_says("View %s") % name,
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        words = phrases_for(self.opts)
        # A title another mixin chose is kept; only Django's generic one is replaced.
        if words is not None and context.get("title") in self._django_titles():
            if add:
                context["title"] = words.add
            elif self.has_change_permission(request, obj):
                context["title"] = words.change
            else:
                context["title"] = words.view
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        words = phrases_for(self.opts)
        context = getattr(response, "context_data", None) or {}
        changelist = context.get("cl")
        if words is None or changelist is None or context.get("title") != changelist.title:
            return response
        if changelist.is_popup:
            context["title"] = words.select
        elif self.has_change_permission(request):
            context["title"] = words.select_to_change
        else:
            context["title"] = words.select_to_view
        return response

    def get_actions(self, request):
        actions = super().get_actions(request)
        words = phrases_for(self.opts)
        if words is not None and "delete_selected" in actions:
            function, name, _description = actions["delete_selected"]
            actions["delete_selected"] = (function, name, words.delete_selected)
        return actions

    # Django's success messages, recognised as it writes them, are said again in our words.
    def response_add(self, request, obj, post_url_continue=None):
        opts = obj._meta
        url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change",
            args=(quote(obj.pk),),
            current_app=self.admin_site.name,
        )
        if self.has_change_permission(request, obj):
            obj_repr = format_html('<a href="{}">{}</a>', urlquote(url), obj)
        else:
            obj_repr = str(obj)
        self._reword(request, obj, obj_repr)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._reword(request, obj, format_html('<a href="{}">{}</a>', urlquote(request.path), obj))
        return super().response_change(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        words = phrases_for(self.opts)
        if words is not None:
            django = django_says("The %(name)s “%(obj)s” was deleted successfully.") % {
                "name": self.opts.verbose_name,
                "obj": obj_display,
            }
            ours = format_html(words.deleted(), obj=obj_display)
            request._worded_messages = {str(django): ours}
        return super().response_delete(request, obj_display, obj_id)

    def message_user(self, request, message, *args, **kwargs):
        reworded = getattr(request, "_worded_messages", {})
        message = reworded.get(str(message), message)
        return super().message_user(request, message, *args, **kwargs)

    def _reword(self, request, obj, obj_repr):
        """Django builds its message with ``obj_repr`` (a link, or the name): so do we."""
        words = phrases_for(self.opts)
        if words is None:
            return
        opts = obj._meta
        django = {"name": opts.verbose_name, "obj": obj_repr}
        added, changed = words.added(), words.changed()
        again, another = words.edit_again(), words.add_another()
        pairs = [
            (django_says("The {name} “{obj}” was added successfully."), added),
            (
                django_says(
                    "The {name} “{obj}” was added successfully. You may edit it again below."
                ),
                f"{added} {again}",
            ),
            (
                django_says(
                    "The {name} “{obj}” was added successfully. You may add another {name} below."
                ),
                f"{added} {another}",
            ),
            (django_says("The {name} “{obj}” was changed successfully."), changed),
            (
                django_says(
                    "The {name} “{obj}” was changed successfully. You may edit it again below."
                ),
                f"{changed} {again}",
            ),
            (
                django_says(
                    "The {name} “{obj}” was changed successfully. You may add another {name} below."
                ),
                f"{changed} {another}",
            ),
        ]
        request._worded_messages = {
            str(format_html(theirs, **django)): format_html(ours, obj=obj_repr)
            for theirs, ours in pairs
        }
