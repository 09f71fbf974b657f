// Benchmarks are built in the benchmarks issue; this entry point only exists so the solution builds.
return 0;
