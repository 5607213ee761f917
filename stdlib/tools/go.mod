module golstd/tools

go 1.27
