module github.com/syllobench/syllobench

go 1.26

require (
	github.com/google/go-cmp v0.7.0
	github.com/sashabaranov/go-openai v1.43.0
)
