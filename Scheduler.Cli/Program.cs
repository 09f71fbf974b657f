// The command line is built in the CLI issue; this entry point only exists so the solution builds.
return 0;
