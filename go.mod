module github.com/syllobench/syllobench

go 1.26
