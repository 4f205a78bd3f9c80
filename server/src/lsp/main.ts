#!/usr/bin/env node
/**
 * Entry of cc7-language-server: `--stdio`, `--node-ipc` or `--socket=N`, chosen from argv; or,
 * started by the server itself with `--bundle-task`, the process an export or verify runs in.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { BUNDLE_TASK_ARG, serveBundleTask } from '../node/bundle/task';
import { startServer } from './server';

if (process.argv.includes(BUNDLE_TASK_ARG)) {
  serveBundleTask();
} else {
  const connection = createConnection(ProposedFeatures.all);
  // stdout carries the protocol in stdio mode: route stray console output to the client's log.
  console.log = connection.console.log.bind(connection.console);
  console.info = connection.console.info.bind(connection.console);
  console.warn = connection.console.warn.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);
  startServer(connection);
}
