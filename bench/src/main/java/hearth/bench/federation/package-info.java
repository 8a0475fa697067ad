/**
 * Federation benchmarks: how many signed activities a node's inbox verifies and accepts per
 * second, how fast one new thread reaches a thousand follower inboxes on fifty hosts, and how
 * pages fare while one server floods the inbox. Remote servers are simulated on loopback, in
 * the benchmark's own process, or (the flooding one) in a process of its own.
 */
package hearth.bench.federation;
