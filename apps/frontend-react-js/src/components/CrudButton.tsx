import { PlusIcon } from './icons';
import { useOpenComposer } from './CrudComposer';

/** The navigation's Crud button: opens the New crud popup on every page. */
export const CrudButton = () => {
  const open = useOpenComposer();
  return (
    <button type="button" className="button crud_button" onClick={open}>
      <PlusIcon />
      <span className="crud_button_label">New crud</span>
    </button>
  );
};
