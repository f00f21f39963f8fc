-- The site's display name, as Wix's App Instance API gives it at install or registration: for
-- admins to recognise a site. Unknown (NULL) for sites installed before this release until
-- their next install or registration.
ALTER TABLE installation ADD COLUMN site_name VARCHAR(256);
