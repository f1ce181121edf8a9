"""The shipped JSON Schema of unspin's output contract."""
