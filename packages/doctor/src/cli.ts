#!/usr/bin/env node
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileReader, loadEnvironment } from './environment.js';
import { diagnose } from './registry.js';
import { render } from './render.js';

// The repository root: the first argument, else dist/cli.js → packages/doctor → packages → root.
const root = process.argv[2] === undefined ? fileURLToPath(new URL('../../..', import.meta.url)) : resolve(process.argv[2]);
const files = fileReader(root);
const diagnosis = diagnose(loadEnvironment(files, process.env), files);
process.stdout.write(`${render(diagnosis)}\n`);
process.exitCode = diagnosis.findings.some((finding) => finding.level === 'error') ? 1 : 0;
