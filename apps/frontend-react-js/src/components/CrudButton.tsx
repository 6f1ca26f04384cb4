interface CrudButtonProps {
  onClick: () => void;
}

/** Opens the crud composer. */
export const CrudButton = ({ onClick }: CrudButtonProps) => (
  <button type="button" className="button crud_button" onClick={onClick}>
    New crud
  </button>
);
