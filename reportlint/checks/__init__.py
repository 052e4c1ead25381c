"""Built-in rules, one module per rule; the registry imports every module here.

A rule module must not import jieba at import time: the dictionary is paid
for only when a rule that needs it runs (see reportlint.lexicon).
"""
