package model

import (
	"context"
	"errors"
	"slices"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// Models lists the models the server serves (GET /models), sorted, so
// that a run can say at once that a model name is wrong rather than after
// a thousand failed requests. It is tried once, without retries: a server
// that cannot list its models may still serve them.
func (c *Client) Models(ctx context.Context) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	list, err := c.api.ListModels(ctx)
	if err != nil {
		var apiErr *openai.APIError
		var reqErr *openai.RequestError
		status := 0
		switch {
		case errors.As(err, &apiErr):
			status = apiErr.HTTPStatusCode
		case errors.As(err, &reqErr):
			status = reqErr.HTTPStatusCode
		}
		return nil, &InfraError{Op: "GET " + RedactURL(strings.TrimRight(c.cfg.BaseURL, "/")) + "/models", StatusCode: status,
			Attempts: 1, Err: &redactedError{msg: c.redact(err.Error()), err: err}}
	}
	var names []string
	for _, m := range list.Models {
		names = append(names, m.ID)
	}
	slices.Sort(names)
	return names, nil
}
