/**
 * Federation benchmarks: how many signed activities a node's inbox verifies and accepts per
 * second, and how fast one new thread reaches a thousand follower inboxes on fifty hosts.
 * Remote servers are simulated in the benchmark's own process, on loopback.
 */
package hearth.bench.federation;
