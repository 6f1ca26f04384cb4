import { react } from '@cruddur/eslint-config';

export default react(import.meta.dirname);
