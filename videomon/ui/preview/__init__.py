"""The video preview: the player and the slot that builds it on demand (or says why it
cannot). It may import look/, runtime/ and wording, never window/ or table/."""
