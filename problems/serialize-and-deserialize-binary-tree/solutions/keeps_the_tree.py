# Mistake (or a cheat): keeps the tree itself instead of writing it into the string. CodeArena
# empties the original tree once it is serialized, so what comes back is not the tree.
class Codec:
    kept = None

    def serialize(self, root: Optional[TreeNode]) -> str:
        Codec.kept = root
        return "kept"

    def deserialize(self, data: str) -> Optional[TreeNode]:
        return Codec.kept
