"""CodeArena: a self-hosted online judge."""
