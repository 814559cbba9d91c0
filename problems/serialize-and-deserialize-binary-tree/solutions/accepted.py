# Level order, as LeetCode writes trees: values and "#" for missing children, breadth first.
class Codec:
    def serialize(self, root: Optional[TreeNode]) -> str:
        out, queue = [], [root]
        for node in queue:  # the queue grows while it is read
            if node is None:
                out.append("#")
            else:
                out.append(str(node.val))
                queue.append(node.left)
                queue.append(node.right)
        return ",".join(out)

    def deserialize(self, data: str) -> Optional[TreeNode]:
        tokens = data.split(",")
        if tokens[0] == "#":
            return None
        root = TreeNode(int(tokens[0]))
        queue, i = [root], 1
        for node in queue:
            if tokens[i] != "#":
                node.left = TreeNode(int(tokens[i]))
                queue.append(node.left)
            if tokens[i + 1] != "#":
                node.right = TreeNode(int(tokens[i + 1]))
                queue.append(node.right)
            i += 2
        return root
