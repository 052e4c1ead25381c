"""Built-in rules, one module per rule. The registry imports every module here once and keeps an
index of their rules (reportlint.rule_index); later runs import a module when its rule first runs.

A rule module must not read the dictionary (reportlint.analysis.lexicon) or build a
shared analysis at import time: they are paid for only when a rule that needs
them runs. reportlint never imports jieba itself; its dictionary ships in
reportlint/data.
"""
