// One test class at a time: the browser tests drive Chromium against a real server, and on a 2-core machine
// running them beside the page tests starves them of CPU until their timeouts fire.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
