package main

import (
	"context"
	"errors"

	"github.com/urfave/cli/v3"
)

func catalogCmd() *cli.Command {
	return &cli.Command{
		Name:  "catalog",
		Usage: "(not implemented yet)",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			return inputError(errors.New("catalog is not implemented yet"))
		},
	}
}
