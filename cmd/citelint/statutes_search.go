package main

import (
	"context"
	"errors"

	"github.com/urfave/cli/v3"
)

func statutesSearchCmd() *cli.Command {
	return &cli.Command{
		Name:  "search",
		Usage: "(not implemented yet)",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			return inputError(errors.New("search is not implemented yet"))
		},
	}
}
