"""cvdstorm.data"""
