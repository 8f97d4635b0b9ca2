"""`ptview --serve`: textual-serve with ptview's own page (local assets only, keys on load)."""
