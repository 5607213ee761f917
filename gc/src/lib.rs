//! gol's heap: size-class allocation and garbage collection.
