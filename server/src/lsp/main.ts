#!/usr/bin/env node
/** Entry of cc7-language-server: `--stdio`, `--node-ipc` or `--socket=N`, chosen from argv. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// stdout carries the protocol in stdio mode: route stray console output to the client's log.
console.log = connection.console.log.bind(connection.console);
console.info = connection.console.info.bind(connection.console);
console.warn = connection.console.warn.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
startServer(connection);
