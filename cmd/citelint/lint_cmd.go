package main

import (
	"context"
	"errors"

	"github.com/urfave/cli/v3"
)

func lintCmd() *cli.Command {
	return &cli.Command{
		Name:  "lint",
		Usage: "(not implemented yet)",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			return inputError(errors.New("lint is not implemented yet"))
		},
	}
}
