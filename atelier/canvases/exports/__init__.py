"""A canvas in other formats: PDF, PNG, SVG, CSV and JSON, and a journey read from CSV.

Every drawing starts from the serialized canvas (`serialize.py`) and the Board built from
it (`board.py`), so exports show what the editor shows.
"""
