"""Distribution of knowledge: following topics, the weekly digest, Atom feeds, print orders."""
