package main

// Subcommands that are not built yet get a stub here, returning
// usagef("not built yet"). Every subcommand is built now.
