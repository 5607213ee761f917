//! gol's virtual machine and runtime.
