package main

import (
	"context"
	"errors"

	"github.com/urfave/cli/v3"
)

func statutesListCmd() *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: "(not implemented yet)",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			return inputError(errors.New("list is not implemented yet"))
		},
	}
}
