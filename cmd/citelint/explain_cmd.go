package main

import (
	"context"
	"errors"

	"github.com/urfave/cli/v3"
)

func explainCmd() *cli.Command {
	return &cli.Command{
		Name:  "explain",
		Usage: "(not implemented yet)",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			return inputError(errors.New("explain is not implemented yet"))
		},
	}
}
