"""Language codes as each model family spells them, and a default model per language pair."""
from __future__ import annotations

# NLLB-200 (FLORES-200 codes).
NLLB_CODES = {
    "en": "eng_Latn", "de": "deu_Latn", "nb": "nob_Latn", "nn": "nno_Latn", "tr": "tur_Latn", "vi": "vie_Latn",
    "fr": "fra_Latn", "es": "spa_Latn", "it": "ita_Latn", "pt": "por_Latn", "nl": "nld_Latn", "sv": "swe_Latn",
    "da": "dan_Latn", "fi": "fin_Latn", "pl": "pol_Latn", "cs": "ces_Latn", "ru": "rus_Cyrl", "uk": "ukr_Cyrl",
    "zh": "zho_Hans", "ja": "jpn_Jpan", "ko": "kor_Hang", "ar": "arb_Arab", "az": "azj_Latn", "hu": "hun_Latn",
    "ro": "ron_Latn", "el": "ell_Grek", "id": "ind_Latn", "th": "tha_Thai", "hi": "hin_Deva",
}
# M2M100 uses ISO 639-1, with Norwegian as "no".
M2M_CODES = {"nb": "no", "nn": "no"}
# Target-language tokens of multilingual OPUS-MT models (">>nob<<").
OPUS_TARGET_TOKENS = {"nb": "nob", "nn": "nno", "de": "deu", "tr": "tur", "vi": "vie", "en": "eng"}

DEFAULT_NLLB = "facebook/nllb-200-distilled-600M"
# OPUS-MT (Marian) models, where one exists for the pair: small, fast on a CPU.
_OPUS = {
    ("de", "en"): "Helsinki-NLP/opus-mt-de-en", ("en", "de"): "Helsinki-NLP/opus-mt-en-de",
    ("tr", "en"): "Helsinki-NLP/opus-mt-tr-en", ("en", "tr"): "Helsinki-NLP/opus-mt-tc-big-en-tr",
    ("vi", "en"): "Helsinki-NLP/opus-mt-vi-en", ("en", "vi"): "Helsinki-NLP/opus-mt-en-vi",
    ("nb", "en"): "Helsinki-NLP/opus-mt-gmq-en", ("en", "nb"): "Helsinki-NLP/opus-mt-en-gmq",
    ("vi", "de"): "Helsinki-NLP/opus-mt-vi-de", ("de", "nb"): "Helsinki-NLP/opus-mt-de-gmq",
}


def default_model(source_lang: str, target_lang: str) -> str:
    """OPUS-MT for the pair when there is one, else NLLB-200 (any of 200 languages)."""
    return _OPUS.get((source_lang, target_lang), DEFAULT_NLLB)


def nllb_code(lang: str) -> str:
    try:
        return NLLB_CODES[lang]
    except KeyError:
        raise ValueError(f"no NLLB-200 code known for {lang!r}") from None


def m2m_code(lang: str) -> str:
    return M2M_CODES.get(lang, lang)
