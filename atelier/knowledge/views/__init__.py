"""Knowledge pages: everyone reads what their audience allows, association staff write."""
