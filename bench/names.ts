/** Given and family names from many cultures, so search meets accents, particles and non-Latin scripts. */
export const GIVEN = [
  'Ana', 'Lucía', 'Mateo', 'Sofía', 'João', 'Inês', 'Kenji', 'Yuki', 'Haruto', 'Wei', 'Li Na', 'Xiu Ying', 'Priya',
  'Arjun', 'Ananya', 'Rahul', 'Fatima', 'Omar', 'Layla', 'Youssef', 'Chinedu', 'Ngozi', 'Adebayo', 'Amara',
  'Agnieszka', 'Krzysztof', 'Øyvind', 'Ingrid', 'Sigríður', 'Björn', 'Nguyễn', 'Thảo', 'Minh', 'Olga', 'Dmitri',
  'Elif', 'Mehmet', 'Zeynep', 'Seo-yeon', 'Ji-ho', 'Siobhán', 'Cian', 'Aoife', 'Mariam', 'Tariq', 'Kwame', 'Abena',
  'Hannah', 'Lukas', 'Émilie', 'François', 'Giulia', 'Matteo', 'Noa', 'Yosef', 'Tamar', 'Rania', 'Diego', 'Valentina'
]

export const FAMILY = [
  'García', 'Fernández', 'Oliveira', 'Santos', 'Watanabe', 'Tanaka', 'Sato', 'Wang', 'Li', 'Zhang', 'Natarajan',
  'Iyer', 'Sharma', 'Patel', 'Al-Sayed', 'Haddad', 'Mansour', 'Okafor', 'Adeyemi', 'Mensah', 'Kowalski',
  'Wiśniewska', 'Johansen', 'Sigurðardóttir', 'Lindqvist', 'Trần', 'Phạm', 'Ivanova', 'Petrov', 'Yılmaz', 'Kaya',
  'Kim', 'Park', 'O’Brien', 'Ní Bhriain', 'MacCarthy', 'Hoffmann', 'Müller', 'Dubois', 'Lefèvre', 'Rossi',
  'Bianchi', 'Cohen', 'Levi', 'van der Berg', 'de la Cruz', 'Nakamura', 'Chen', 'Gupta', 'Abubakar', 'Ramírez'
]

export const COMPANY_SUFFIX = ['Logistics', 'Freight', 'Systems', 'Health', 'Foods', 'Capital', 'Labs', 'Energy', 'Retail', 'Group', 'GmbH', 'S.A.', 'KK', 'Ltd']
export const ROLES = ['CFO', 'CTO', 'Head of Procurement', 'VP Operations', 'IT Director', 'Controller', 'Buyer', 'Founder', 'COO', 'Head of Sales', 'Finance Manager', 'Plant Manager']
export const INTERESTS = ['Real Madrid', 'Arsenal', 'Yankees', 'sourdough', 'sushi', 'golf', 'marathons', 'sailing', 'chess', 'jazz', 'gardening', 'Formula 1', 'hiking', 'wine', 'photography', 'cricket', 'yoga', 'board games']
