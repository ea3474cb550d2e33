import { useCallback, useRef, useState } from 'react';
import { checkIdNumber, checkName } from './validate';

export interface IdentityFieldErrors {
  name?: string;
  idNumber?: string;
}

export interface IdentityFieldsState {
  name: string;
  idNumber: string;
  errors: IdentityFieldErrors;
  setName: (value: string) => void;
  setIdNumber: (value: string) => void;
  /** Checks both on leaving a field. */
  touch: (field: 'name' | 'idNumber') => void;
  setErrors: (errors: IdentityFieldErrors) => void;
  /** The trimmed values when both are valid; otherwise shows why and returns null. */
  validate: () => { name: string; idNumber: string } | null;
}

/** A name and an ID number as a citizen types them, checked by the BFF's own rules. */
export function useIdentityFields(): IdentityFieldsState {
  const [name, setNameValue] = useState('');
  const [idNumber, setIdValue] = useState('');
  const [errors, setErrors] = useState<IdentityFieldErrors>({});
  const values = useRef({ name, idNumber });
  values.current = { name, idNumber };

  const setName = useCallback((value: string) => {
    setNameValue(value);
    setErrors((prev) => (prev.name ? { ...prev, name: checkName(value) } : prev));
  }, []);

  const setIdNumber = useCallback((value: string) => {
    const next = value.toUpperCase().replace(/[^0-9X]/g, '');
    setIdValue(next);
    // As typed: a full number is checked at once, a partial one only after a first check.
    setErrors((prev) => (next.length === 18 || prev.idNumber ? { ...prev, idNumber: checkIdNumber(next) } : prev));
  }, []);

  const touch = useCallback((field: 'name' | 'idNumber') => {
    const current = values.current;
    setErrors((prev) => ({
      ...prev,
      [field]: field === 'name' ? checkName(current.name) : checkIdNumber(current.idNumber),
    }));
  }, []);

  const validate = useCallback(() => {
    const current = values.current;
    const found = { name: checkName(current.name), idNumber: checkIdNumber(current.idNumber) };
    setErrors(found);
    if (found.name || found.idNumber) return null;
    return { name: current.name.trim(), idNumber: current.idNumber.trim().toUpperCase() };
  }, []);

  return { name, idNumber, errors, setName, setIdNumber, touch, setErrors, validate };
}
