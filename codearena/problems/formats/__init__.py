"""Problem formats other than CodeArena's own (codearena.problems.native): readers into the
format-free model of codearena.problems.model."""
