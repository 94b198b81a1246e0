"""Benchmarks: data generator hooks, load client, scenarios and the `make bench` runner."""
