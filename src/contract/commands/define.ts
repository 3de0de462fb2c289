/**
 * How a command is declared, once, in its domain's file: its input schema, its
 * output, the role it needs, whether it only reads, whether it runs without a
 * log-in, and its REST route where it has one. Every table (roles, open
 * commands, read-only commands, REST routes, the OpenAPI document) is derived
 * from these declarations; the service gives each its handler
 * (src/service/commands/*), typed by the declaration (a reading command gets a
 * read-only database handle).
 *
 * The handler is not in this file because this folder is the contract the UI
 * imports by value: schemas and types only, no service code.
 */
import type { z } from 'zod';

/** `none`: anyone who may reach the command (anonymous too, when it needs no session). */
export type Needs = 'none' | 'cashier' | 'manager';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Where a REST route's command input comes from, as data (the host builds the input from it). */
export interface RestRequest {
  /** Path parameter → the input field it fills. */
  params?: Readonly<Record<string, string>>;
  /** Query parameter → the input field it fills; a `flag` gives `true` for the text `true` only. */
  query?: Readonly<Record<string, { field: string; flag?: true }>>;
  /** Header → the input field it may fill instead of the body (both given must agree). */
  headers?: Readonly<Record<string, string>>;
  /** The JSON body: the input (less the fields above), one field of it, or none. */
  body: 'input' | { field: string } | 'none';
}

export interface RestRoute<O> {
  method: Method;
  /** Under /api/v1, e.g. `/members/:id`. */
  path: string;
  request: RestRequest;
  /** For a command that may create: 201 when this says so, 200 otherwise. */
  created?: (output: O) => boolean;
}

export interface CommandDefinition<
  I extends z.ZodType = z.ZodType,
  O = unknown,
  A extends 'read' | 'write' = 'read' | 'write',
> {
  input: I;
  /** The output's type; nothing at run time (see `returns`). */
  output: Returns<O>;
  role: Needs;
  /** `read`: its handler gets a read-only database handle and runs without a transaction. */
  access: A;
  /** false: runs before anyone has logged in (the log-in itself, its screen, the status). */
  session?: boolean;
  rest?: RestRoute<O>;
}

declare const OUTPUT: unique symbol;
/** A type carried by a declaration for the compiler only. */
export interface Returns<O> {
  readonly [OUTPUT]: O;
}

export function returns<O>(): Returns<O> {
  return {} as Returns<O>;
}

/** Declares one command; the literal types (access, output) are kept for the service's typing. */
export function command<I extends z.ZodType, O, A extends 'read' | 'write'>(
  definition: CommandDefinition<I, O, A>,
): CommandDefinition<I, O, A> {
  return definition;
}
