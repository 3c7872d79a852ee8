"""Machine translation with the glossary enforced: model loading, constrained decoding,
a persistent cache and scores. Needs the `mt` extra (torch, transformers, sentencepiece,
sacrebleu); nothing here is imported by a lint-only run."""
