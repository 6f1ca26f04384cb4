import './Logo.css';

/** The Cruddur mark: a purple speech bubble holding a "C". */
export const Logo = () => (
  <span className="logo">
    <svg className="logo_mark" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <path d="M8 4h24a6 6 0 0 1 6 6v16a6 6 0 0 1-6 6H17l-8 6v-6H8a6 6 0 0 1-6-6V10a6 6 0 0 1 6-6z" />
      <path className="logo_letter" d="M26.5 13.5a8 8 0 1 0 0 9" />
    </svg>
    <span className="logo_text">Cruddur</span>
  </span>
);
