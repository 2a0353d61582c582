"""Names French readers know, where the French press writes them otherwise than the
international copy (``Leader.name``): the knowledge base's leaders get them when loaded."""

FRENCH_LEADER_NAMES = {
    "Vladimir Putin": "Vladimir Poutine",
    "Dmitry Medvedev": "Dmitri Medvedev",
    "Mikhail Mishustin": "Mikhaïl Michoustine",
    "Salman bin Abdulaziz": "Salmane ben Abdelaziz",
    "Mohammed bin Salman": "Mohammed ben Salmane",
    "Salman bin Hamad Al Khalifa": "Salman ben Hamad Al Khalifa",
    "Pope Francis": "Pape François",
    "Alexander Lukashenko": "Alexandre Loukachenko",
    "Abdel Fattah el-Sisi": "Abdel Fattah al-Sissi",
    "Masoud Pezeshkian": "Massoud Pezeshkian",
    "Benjamin Netanyahu": "Benyamin Netanyahou",
    "Kassym-Jomart Tokayev": "Kassym-Jomart Tokaïev",
}


def french_leader_name(name):
    return FRENCH_LEADER_NAMES.get(name, "")
