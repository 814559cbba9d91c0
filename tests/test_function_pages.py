"""Function problems in the pages and the API, on the fake engine: the signature and the starter
code generated for every language, samples named as LeetCode shows them, a submission's sample
shown as a result beside the prints."""

from __future__ import annotations

import html
import json

import aiohttp
from aiohttp.test_utils import TestServer

from server_helpers import submit, wait_completed


def visitor(server: TestServer) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True))


async def test_the_api_gives_a_function_problems_signature(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client:
        async with client.get("/api/problems/two-sum") as r:
            two_sum = await r.json()
        async with client.get("/api/problems/lru-cache") as r:
            lru = await r.json()
        async with client.get("/api/problems/a-plus-b") as r:
            a_plus_b = await r.json()
    assert two_sum["function"] == {"kind": "function", "signature": ["int[] twoSum(int[] nums, int target)"]}
    assert lru["function"] == {"kind": "design", "signature": ["LRUCache(int capacity)", "int get(int key)",
                                                               "void put(int key, int value)"]}  # fmt: skip
    assert a_plus_b["function"] is None
    assert sorted(two_sum["languages"]) == ["cpp", "java", "javascript", "python"]
    assert "    vector<int> twoSum(vector<int>& nums, int target) {" in two_sum["starter_code"]["cpp"]
    assert two_sum["samples"][0] == {"input": "[2,7,11,15]\n9\n", "output": "[0,1]\n"}


async def test_the_problem_page_starts_from_the_signature_and_names_the_sample_lines(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client, client.get("/problems/add-two-numbers") as r:
        page = await r.text()
    assert "data-function" in page
    assert "l1 = [2,4,3]\nl2 = [5,6,4]\n" in page  # the sample, as LeetCode shows an example
    starter = json.loads(html.unescape(page.split("data-starter='")[1].split("'")[0]))
    assert (
        "class Solution:\n    def addTwoNumbers(self, l1: Optional[ListNode], l2: Optional[ListNode])"
        in (starter["python"])
    )
    assert "# class ListNode:" in starter["python"]
    assert 'placeholder="One JSON value per line: l1, l2"' in page


async def test_a_function_problems_sample_shows_the_result_and_the_prints(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client:
        submission_id = await submit(client, "two-sum", "python", "wrong")
        await wait_completed(client, submission_id, timeout_s=30)
        async with client.get(f"/submissions/{submission_id}") as r:
            page = await r.text()
    assert "Sample 1: input, expected and your result" in page
    assert "<figcaption>Expected result</figcaption>" in page and "<figcaption>Your result</figcaption>" in page
    assert "nums = [2,7,11,15]\ntarget = 9\n" in page
