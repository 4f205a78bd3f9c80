// Rewrites the rule table of README.md from the rule registry: `npm run docs:rules`.
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesTableMarkdown } from '../server/src/core/rules/table';
import { replaceRulesTable } from './readme-table';

const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', replaceRulesTable(readme, rulesTableMarkdown()));
