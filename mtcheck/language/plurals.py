"""The regular plural of a Romance noun or adjective, where the language's rule gives it for
certain from the written word: French and Spanish (which the agreement of a fix uses), Italian
and Portuguese. A dictionary that gives one lemma per form may take a term's plural for another
word's form (Italian „rami": simplemma gives „rame", copper, not „ramo"; French „soldes":
„solder"; Spanish „fracciones": „fraccionar"): the matcher reads a term word's regular plural
as that word's form."""
from __future__ import annotations


def regular_plural(word: str, lang: str) -> str | None:
    """The regular plural; None where the language's rule has exceptions mtcheck cannot tell
    from the written word (or the language has no rule here)."""
    lower = word.lower()
    if lang == "fr":
        if lower.endswith(("s", "x", "z")):
            return word
        if lower.endswith(("au", "eau", "eu")):
            return word + "x"
        if lower.endswith(("al", "ail", "ou")):
            return None  # chevaux but festivals, travaux but détails, bijoux but trous
        return word + "s"
    if lang == "es":
        if lower.endswith(("á", "é", "í", "ó", "ú")):
            return None  # sofás, but jabalíes
        if lower[-1:] in "aeiou":
            return word + "s"
        if lower.endswith("z"):
            return word[:-1] + "ces"
        if lower.endswith(("ión", "ón", "án", "én", "ín", "és")):
            accented = {"ó": "o", "á": "a", "é": "e", "í": "i"}
            return word[:-2] + accented[word[-2]] + word[-1] + "es"
        if lower.endswith("s"):
            return None  # el lunes, los lunes; el país, los países
        return word + "es"
    if lang == "it":
        if lower.endswith(("à", "è", "é", "ì", "ò", "ù")) or lower[-1:] not in "aeiou":
            return word  # la città, le città; il server, i server
        if lower.endswith("o") and not lower.endswith(("co", "go", "io")) and len(lower) > 3:
            return word[:-1] + "i"  # ramo: rami, conto: conti
        if lower.endswith(("ca", "ga")) and len(lower) > 3:
            return word[:-1] + "he"  # banca: banche, riga: righe
        if lower.endswith("a") and not lower.endswith(("cia", "gia")) and len(lower) > 3:
            # A feminine noun's (data: date, pagina: pagine); a masculine one takes -i (i
            # sistemi), and its -e form („sisteme") is no word a text has.
            return word[:-1] + "e"
        # amici but fuochi, negozi but zii (and l'audio, gli audio); -e: chiavi, but il file,
        # i file; -cia: camicie but province.
        return None
    if lang == "pt":
        if lower.endswith("ão"):
            return None  # pães, limões, irmãos
        if lower[-1:] in "aeiouáéóêô":
            return word + "s"
        if lower.endswith("m"):
            return word[:-1] + "ns"  # item: itens
        if lower.endswith(("r", "z")):
            return word + "es"  # servidor: servidores
        if lower.endswith("al") and len(lower) > 3:
            return word[:-1] + "is"  # canal: canais (mal: males)
        if lower.endswith("ol"):
            return word[:-2] + "óis"  # anzol: anzóis
        if lower.endswith("ul"):
            return word[:-1] + "is"  # azul: azuis
        return None  # -ão: -ões, -ães, -ãos; -el, -il by stress; -s, -x
    return None
