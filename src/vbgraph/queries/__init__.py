"""Every Cypher text (``cypher``) and the typed questions built on them (``api``)."""
