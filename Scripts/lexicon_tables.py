"""Reads the hand-kept tables of the lexicon-building scripts from Scripts/data/SCRIPT/ (see Scripts/data/README.md).

NAME.txt holds a text table, returned as is; NAME.literal a set or dict in Python literal notation (comments
allowed), read with ast.literal_eval, so that no code runs.
"""
import ast
import pathlib

DATA = pathlib.Path(__file__).resolve().parent / "data"


def table(script, name):
    text_path = DATA / script / (name + ".txt")
    if text_path.exists():
        return text_path.read_text(encoding="utf-8")
    return ast.literal_eval((DATA / script / (name + ".literal")).read_text(encoding="utf-8"))
