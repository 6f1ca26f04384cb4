import { node } from '@cruddur/eslint-config';

export default node(import.meta.dirname);
