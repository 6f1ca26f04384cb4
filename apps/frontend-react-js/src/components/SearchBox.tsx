import { charCount, SEARCH_TERM_MAX_CHARS } from '@cruddur/api-contract';
import { ACTION } from '@cruddur/telemetry-conventions';
import { useId, useState, type SubmitEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { describeValidationError } from '../api/errorMessages';
import { SEARCH_PATH, searchPath } from '../lib/paths';
import { SearchIcon } from './icons';

/** Search field; submitting opens the results page for the term. */
export const SearchBox = () => {
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const urlTerm = pathname === SEARCH_PATH ? (params.get('term') ?? '') : '';
  // Keyed on the URL's term so following a trend link refills the box.
  return <SearchForm key={urlTerm} initialTerm={urlTerm} />;
};

const SearchForm = ({ initialTerm }: { initialTerm: string }) => {
  const id = useId();
  const navigate = useNavigate();
  const [term, setTerm] = useState(initialTerm);
  const [error, setError] = useState('');

  const search = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = term.trim();
    if (trimmed === '') {
      setError(describeValidationError('search_term_blank'));
      return;
    }
    if (charCount(trimmed) > SEARCH_TERM_MAX_CHARS) {
      setError(describeValidationError('search_term_exceed_max_chars'));
      return;
    }
    setError('');
    void navigate(searchPath(trimmed));
  };

  return (
    <form className="search_box" role="search" aria-label="Search" data-action={ACTION.search} onSubmit={search}>
      <label htmlFor={id} className="sr-only">
        Search cruds
      </label>
      <div className="search_field">
        <SearchIcon />
        <input
          id={id}
          type="search"
          placeholder="Search cruds"
          value={term}
          aria-invalid={error !== ''}
          aria-describedby={`${id}-error`}
          onChange={(event) => {
            setTerm(event.target.value);
          }}
        />
      </div>
      <p id={`${id}-error`} className="search_error" role={error ? 'alert' : undefined}>
        {error}
      </p>
    </form>
  );
};
